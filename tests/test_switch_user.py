"""Switching user (issue 12, part 5): the tabs are rebuilt for the new
role, the new user starts on his own first tab, and a technician's repair
queue opens on his own jobs."""
from __future__ import annotations

from app.ui.qt import QApplication


def visible_tabs(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]


def test_a_switch_rebuilds_the_tabs_and_starts_on_the_new_users_first_tab(qtbot, db, staff, monkeypatch):
    from app.ui.base.context import AppContext
    from app.ui.counter.repair_tab import RepairCardsTab
    from app.ui.shell import signin_dialog
    from app.ui.shell.main_window import MainWindow

    ctx = AppContext(staff["counter"])
    window = MainWindow(ctx, db)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.currentWidget() is window.intake
    clerk_tabs = visible_tabs(window)
    assert window.tabs.tabText(window.tabs.indexOf(window.intake)) in clerk_tabs
    # The clerk looks at the repair queue (all technicians) and leaves it there.
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    clerk_queue = window.tabs.widget(1).widget
    assert isinstance(clerk_queue, RepairCardsTab) and clerk_queue.ui.technicianCombo.currentData() is None
    window.tabs.setCurrentWidget(window.customers_page)

    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: staff["tech"])
    window.sign_out()
    QApplication.processEvents()
    assert ctx.user.id == staff["tech"].id
    tabs = visible_tabs(window)
    assert window.tabs.tabText(window.tabs.indexOf(window.intake)) not in tabs     # no intake for him
    assert window.tabs.currentIndex() == 1 and window.tabs.isTabVisible(1)       # his own first tab
    # The bar lays out only his tabs: no gap where the intake tab was.
    bar = window.tabs.tabBar()
    shown = [bar.tabRect(i) for i in range(bar.count()) if bar.isTabVisible(i)]
    assert all(r.width() > 0 for r in shown)
    assert all(a.right() + 1 >= b.left() - 2 and a.right() < b.left() for a, b in zip(shown, shown[1:]))
    assert shown[0].left() == 0
    queue = window.tabs.widget(1).widget
    assert isinstance(queue, RepairCardsTab) and queue is not clerk_queue         # built for him
    assert queue.ui.technicianCombo.currentData() == staff["tech"].id            # his own jobs
    assert queue.current_filters()["technician_id"] == staff["tech"].id

    # Back to the clerk: intake is there again, first, and current.
    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: staff["counter"])
    window.sign_out()
    QApplication.processEvents()
    assert visible_tabs(window) == clerk_tabs
    assert window.tabs.currentWidget() is window.intake and window.tabs.currentIndex() == 0
