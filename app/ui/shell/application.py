"""Starting the desktop application: ``run(url, *, demo=False, argv=None) -> int``.

Order matters for a fast first window: the QApplication, translators and
font first; then the database (a clear message, never a traceback, when it
cannot be opened, with retry / open another / quit); then sign-in (or the
first administrator); then the main window. reportlab and the tabs nobody looks at yet are
imported later, when they are needed.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.domain.core.errors import CsdeskError
from app.ui.base import prefs
from app.ui.base.ops import translated
from app.ui.qt import (QApplication, QCoreApplication, QFileDialog, QFontDatabase, QInputDialog, QLibraryInfo,
                       QLocale, QMessageBox, QTranslator)

log = logging.getLogger("csdesk.ui")

I18N = Path(__file__).resolve().parents[3] / "resources" / "i18n"
#: UI fonts with Chinese glyphs, by preference (Windows, macOS, Linux).
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", "SimHei", "SimSun")


def tr(text: str) -> str:
    return QCoreApplication.translate("application", text)


def ui_language() -> str:
    """prefs language, else the system's: "zh_CN" for any Chinese system, else "en"."""
    chosen = prefs.get("language")
    if chosen:
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our .qm and Qt's own (button texts of standard dialogs)."""
    installed = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(I18N / f"csdesk_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def set_cjk_font(app: QApplication) -> str:
    """Keep the platform font for Latin text and add a CJK family as fallback."""
    families = set(QFontDatabase.families())
    cjk = next((f for f in CJK_FAMILIES if f in families), "")
    if cjk:
        font = app.font()
        font.setFamilies([font.family(), cjk])
        app.setFont(font)
    return cjk


def open_database(url: str) -> object | None:
    """Open ``url``; on failure ask: retry, another database, or quit (None)."""
    while True:
        try:
            info = bootstrap.open_database(url)
            prefs.set("last_database", url)
            return info
        except CsdeskError as exc:       # unreachable, not csdesk's, too new, read-only, a full disk...
            url = _ask_after_failure(url, exc)
            if url is None:
                return None


def _ask_after_failure(url: str, exc) -> str | None:
    box = QMessageBox(QMessageBox.Critical, QCoreApplication.translate("application", "Cannot open the database"),
                      QCoreApplication.translate("application", "csdesk cannot open the database\n{0}").format(dbmod.describe_url(url)))
    box.setInformativeText(translated(exc.message))
    retry = box.addButton(QCoreApplication.translate("application", "&Retry"), QMessageBox.AcceptRole)
    other_file = box.addButton(QCoreApplication.translate("application", "Open an SQLite &file…"), QMessageBox.ActionRole)
    other_url = box.addButton(QCoreApplication.translate("application", "Server &URL…"), QMessageBox.ActionRole)
    box.addButton(QCoreApplication.translate("application", "&Quit"), QMessageBox.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return url
    if clicked is other_file:
        path, _ = QFileDialog.getOpenFileName(None, QCoreApplication.translate("application", "Open a csdesk database"), "",
                                              QCoreApplication.translate("application", "SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        return dbmod.normalise_url(path) if path else url
    if clicked is other_url:
        text, ok = QInputDialog.getText(None, QCoreApplication.translate("application", "Database server"),
                                        QCoreApplication.translate("application", "postgresql://user:password@host/dbname or mysql://…"))
        return text.strip() if ok and text.strip() else url
    return None


def _warm_up_printing() -> None:
    """Load reportlab and the CJK font in the background once the window is
    up, so the clerk's first Save & print costs what every later one does
    (~100 ms instead of ~210 ms, tools/benchmark.py)."""
    import threading

    from app.ui.qt import QTimer

    def load() -> None:
        try:
            from app.domain.counter import printouts

            printouts.font_warning(printouts.PrintOptions(font_path=prefs.get("font_path") or None))
            from app.printing import render_cards, render_receipt  # noqa: F401
        except Exception:  # noqa: BLE001 - printing reports its own errors when used
            logging.getLogger("csdesk").exception("printing warm-up failed")

    # A second after the window shows: the thread holds the GIL while it
    # imports, and must not slow the first paint.
    QTimer.singleShot(1000, lambda: threading.Thread(target=load, name="printing-warm-up", daemon=True).start())


def start_daily_backup(window):
    """The daily copy of an SQLite database (app.ui.shell.auto_backup); a
    server's backups are its administrator's (README, Backups)."""
    import peewee

    database = dbmod.database.obj
    if not isinstance(database, peewee.SqliteDatabase) or database.database == ":memory:" \
            or os.environ.get("CSDESK_BENCH_STARTUP"):
        return None
    from app.ui.shell.auto_backup import AutoBackup

    window.auto_backup = AutoBackup(window, database.database)
    window.auto_backup.start()
    return window.auto_backup


def sign_in_at_start(demo: bool):
    """The user this session works as, or None (cancelled: quit).

    ``--demo`` and the start-up benchmark sign in as the demo's manager
    without a question, but only on a database that demo data marked as a
    demo (its passwords are published): ``--demo`` on a real database still
    asks. Everyone else signs in (or sets up the first administrator).
    """
    bench = bool(os.environ.get("CSDESK_BENCH_STARTUP"))
    if demo or bench:
        user = bootstrap.demo_manager()
        if user is not None:
            return user
        if bench:  # nobody is there to type a password: fail, do not hang
            print("csdesk: CSDESK_BENCH_STARTUP needs a demo database (csdesk demo-data)", file=sys.stderr)
            return None
    from app.ui.shell.signin_dialog import sign_in_flow

    return sign_in_flow(None)


def make_application(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(prefs.ORG)
    app.setApplicationName(prefs.APP)
    app.setApplicationDisplayName("csdesk")
    return app


def run(url: str, *, demo: bool = False, argv=None) -> int:
    """Start the GUI on the database ``url``; returns the exit code."""
    app = make_application(argv)
    language = ui_language()
    app._csdesk_translators = install_translators(app, language)   # kept alive with the app
    set_cjk_font(app)
    from app.ui.base import screen

    screen.install()          # every window and dialog fits the screen it opens on
    if language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    info = open_database(url)
    if info is None:
        return 1
    from app.ui.base.context import AppContext
    from app.ui.shell.main_window import MainWindow

    user = sign_in_at_start(demo)
    if user is None:
        return 1
    ctx = AppContext(user)
    window = MainWindow(ctx, info)
    if demo:
        window.setWindowTitle(window.windowTitle() + "  [DEMO]")
    window.show()
    _warm_up_printing()
    start_daily_backup(window)
    if os.environ.get("CSDESK_BENCH_STARTUP"):
        # tools/benchmark.py: report once the window is shown and the event
        # loop has gone idle (the first paint is done), then quit.
        from app.ui.qt import QTimer

        def shown() -> None:
            print("window shown", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    return app.exec()
