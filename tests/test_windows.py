"""Every window and dialog at 1366 x 768 (issue 12, part 2): opened on the
demo's data, filled where it grows (a manager chosen, long reports, many
rows), each fits the screen's working area less a window frame, and its
buttons are inside it."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

import app
from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.ui.qt import QAbstractButton, QApplication, QDialogButtonBox, QRect, QScrollArea, QTabWidget, QWidget
from tests import windows as registry

SCREEN = QRect(0, 0, 1366, 728)      # 1366 x 768 less a 40 px taskbar


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    bootstrap.open_database("sqlite:///" + str(path))
    from app import demo

    demo.fill()
    dbmod.close()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    url = "sqlite:///" + str(path)
    bootstrap.open_database(url)
    from app.ui.base import screen

    monkeypatch.setattr(screen, "available", lambda widget=None: QRect(SCREEN))
    screen.install()
    yield url
    screen.uninstall()
    dbmod.close()


def dialog_classes() -> set[str]:
    """The names of the QDialog / QMainWindow subclasses in app/ui."""
    found = set()
    for path in (Path(app.__file__).parent / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "") in ("QDialog", "QMainWindow")
                                                      for b in node.bases):
                found.add(node.name)
    return found


def test_every_dialog_is_opened():
    assert dialog_classes() == registry.COVERED


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    w = widget.parentWidget()
    while w is not None and w is not top:
        if isinstance(w, QScrollArea):
            return True
        w = w.parentWidget()
    return False


def shown_in(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` shows: visible, and not on a hidden tab page."""
    return widget.isVisibleTo(top) and widget.isVisible()


def check_fits(name: str, window: QWidget) -> list[str]:
    """What does not fit: the window, or a button outside it."""
    problems = []
    most_w, most_h = SCREEN.width() - 8, SCREEN.height() - 30
    if window.width() > most_w or window.height() > most_h:
        problems.append(f"{name}: {window.width()} x {window.height()} (most {most_w} x {most_h})")
    rect = window.rect()
    buttons = [b for b in window.findChildren(QAbstractButton) + window.findChildren(QDialogButtonBox)
               if shown_in(b, window) and not in_scroll_area(b, window)]
    for b in buttons:
        top_left = b.mapTo(window, b.rect().topLeft())
        box = QRect(top_left, b.size())
        if not rect.contains(box):
            problems.append(f"{name}: button {getattr(b, 'text', lambda: '')()!r} at {box.getRect()} "
                            f"outside {rect.width()} x {rect.height()}")
    return problems


def open_all(qtbot, check) -> list[str]:
    problems = []
    demo = registry.Demo()
    for name, window in registry.windows(demo):
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        for tabs in window.findChildren(QTabWidget):      # each tab once: a page may be the tallest
            for i in range(tabs.count()):
                if tabs.isTabVisible(i):
                    tabs.setCurrentIndex(i)
                    QApplication.processEvents()
                    problems += check(name + f" [{tabs.tabText(i)}]", window)
        problems += check(name, window)
        window.close()
    main = registry.main_window(demo, qtbot)
    for i in range(main.tabs.count()):
        main.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        problems += check(f"MainWindow [{main.tabs.tabText(i)}]", main)
    main.close()
    return problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_window_fits_1366x768(qtbot, demo_db, language, monkeypatch):
    from app.ui.shell.application import install_translators

    qapp = QApplication.instance()
    translators = install_translators(qapp, language)
    try:
        problems = open_all(qtbot, check_fits)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert problems == []


def test_the_visit_dialog_keeps_its_size_when_a_manager_is_chosen(qtbot, demo_db):
    """The purposes list grows inside the scroll area: the dialog does not
    grow past the screen, its buttons stay where they were."""
    from app.ui.field.visit_dialog import VisitDialog

    demo = registry.Demo()
    dialog = VisitDialog(registry.ctx_of(demo.users["biz1"]), mode="new")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    before = dialog.height()
    n = len(dialog.purpose_checks)
    dialog.manager_combo.setCurrentIndex(dialog.manager_combo.count() - 1)
    QApplication.processEvents()
    assert len(dialog.purpose_checks) > n                 # it did grow
    assert dialog.height() <= SCREEN.height() - 30 and dialog.height() <= max(before, dialog.height())
    assert check_fits("VisitDialog", dialog) == []


CLASHES = lambda name, window: registry.clashes(window, name)  # noqa: E731


def walk_tabs(window, check, name: str) -> list[str]:
    """``check`` the window as it is, then with each tab of each visible tab widget current."""
    problems = check(name, window)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            if tabs.isTabVisible(i):
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
                problems += check(f"{name} [{tabs.tabText(i)}]", window)
                for inner in tabs.widget(i).findChildren(QTabWidget):      # a tab's own sub-tabs
                    if inner.isVisible():
                        for j in range(inner.count()):
                            inner.setCurrentIndex(j)
                            QApplication.processEvents()
                            problems += check(f"{name} [{tabs.tabText(i)} / {inner.tabText(j)}]", window)
    return problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_controls_of_a_window_share_an_alt_letter(qtbot, demo_db, language):
    """Issue 12, part 3: every dialog (each of its tabs), the job window in
    each state, and the main window of each role on each tab and sub-tab
    with its menu bar."""
    from app.domain.counter.models import Job
    from app.ui.counter.job_dialog import JobDialog
    from app.ui.shell.application import install_translators

    qapp = QApplication.instance()
    translators = install_translators(qapp, language)
    problems = []
    try:
        demo = registry.Demo()
        for name, window in registry.windows(demo):
            qtbot.addWidget(window)
            window.show()
            QApplication.processEvents()
            problems += walk_tabs(window, CLASHES, name)
            window.close()
        clerk, tech = registry.ctx_of(demo.users["clerk1"]), registry.ctx_of(demo.users["tech1"])
        for state in ("received", "diagnosing", "waiting_parts", "repairing", "repaired", "ready"):
            job = Job.select().where(Job.state == state).first()
            for ctx in (clerk, tech):
                window = JobDialog(ctx, job.id)
                qtbot.addWidget(window)
                window.show()
                QApplication.processEvents()
                problems += walk_tabs(window, CLASHES, f"JobDialog ({state}, {ctx.user.username})")
                window.close()
        for user in ("admin", "clerk1", "tech1", "boss", "biz1", "info1"):
            main = registry.main_window(demo, qtbot, user)
            QApplication.processEvents()
            problems += walk_tabs(main, CLASHES, f"MainWindow ({user})")
            main.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert sorted(set(p.split(": ", 1)[1] for p in problems)) == [], "\n".join(problems)


def test_the_letters_are_read_as_qt_reads_them():
    assert registry.mnemonic("&Save and print (F12)") == "s"
    assert registry.mnemonic("序列号(&S)：") == "s"
    assert registry.mnemonic("&Parts && materials") == "p"
    assert registry.mnemonic("Parts && materials") == ""
    assert registry.mnemonic("R&&D &notes") == "n"


def test_the_job_windows_state_buttons_have_letters(qtbot, demo_db):
    from app.domain.counter.models import Job
    from app.ui.counter.job_dialog import JobDialog

    demo = registry.Demo()
    job = Job.select().where(Job.state == "diagnosing").first()
    dialog = JobDialog(registry.ctx_of(demo.users["tech1"]), job.id)
    qtbot.addWidget(dialog)
    assert dialog.action_buttons and all(registry.mnemonic(b.text()) for b in dialog.action_buttons.values())
