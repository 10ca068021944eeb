"""The Visit planning tab: its pages per role, built when first shown."""
from __future__ import annotations

from app.ui.context import AppContext
from app.ui.field_tab import FieldServiceTab, may_use


def _visible(tab: FieldServiceTab) -> list[str]:
    return [code for code, page in tab.pages.items() if tab.tabs.isTabVisible(tab.tabs.indexOf(page))]


def test_pages_follow_the_role(qtbot, db, staff):
    expected = {"business": ["visits", "activities", "gifts", "surveys"],
                "manager": ["visits", "activities", "gifts", "surveys"],
                "info": ["visits", "surveys"],
                "tech": [], "counter": []}
    for role, pages in expected.items():
        ctx = AppContext(staff[role])
        assert may_use(ctx) == bool(pages)
        tab = FieldServiceTab(ctx)
        qtbot.addWidget(tab)
        assert _visible(tab) == pages, role
        assert all(page.widget is None for page in tab.pages.values())   # nothing built yet


def test_switching_user_rechecks_the_pages(qtbot, db, staff):
    from app.ui.visits_page import VisitsPage

    ctx = AppContext(staff["info"])
    tab = FieldServiceTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert isinstance(tab.show_page("visits"), VisitsPage)
    ctx.set_user(staff["business"])
    assert _visible(tab) == ["visits", "activities", "gifts", "surveys"]
    ctx.set_user(staff["counter"])
    assert _visible(tab) == []
