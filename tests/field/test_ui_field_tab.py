"""The Visit planning tab: its pages per role, built when first shown."""
from __future__ import annotations

from app.ui.base.context import AppContext
from app.ui.field.field_tab import FieldServiceTab, may_use


def _visible(tab: FieldServiceTab) -> list[str]:
    return [code for code, page in tab.pages.items() if tab.tabs.isTabVisible(tab.tabs.indexOf(page))]


def test_pages_follow_the_role(qtbot, db, staff):
    expected = {"business": ["visits", "activities", "gifts", "surveys"],
                "manager": ["visits", "activities", "gifts", "surveys"],
                "info": ["visits", "activities", "surveys"],
                "tech": [], "counter": []}
    for role, pages in expected.items():
        ctx = AppContext(staff[role])
        assert may_use(ctx) == bool(pages)
        tab = FieldServiceTab(ctx)
        qtbot.addWidget(tab)
        assert _visible(tab) == pages, role
        assert all(page.widget is None for page in tab.pages.values())   # nothing built yet


def test_switching_user_rechecks_the_pages(qtbot, db, staff):
    from app.ui.field.visits_page import VisitsPage

    ctx = AppContext(staff["info"])
    tab = FieldServiceTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert isinstance(tab.show_page("visits"), VisitsPage)
    ctx.set_user(staff["business"])
    assert _visible(tab) == ["visits", "activities", "gifts", "surveys"]
    ctx.set_user(staff["counter"])
    assert _visible(tab) == []


def test_customer_page_lists_field_service_and_opens_a_visit(qtbot, db, staff, monkeypatch):
    """The archive's "Visits and service" page lists the customer's visits;
    double-clicking one opens it."""
    import datetime as dt

    from app.domain.customers import customers
    from app.domain.field import visits
    from app.ui.customers import archive_dialog

    c = customers.create_customer("北京海淀华信电子有限公司", "13800000001", "dealer", user=None)
    v = visits.create_visit(None, staff_id=staff["business"].id, customer_id=c.id, kind="patrol",
                            due_month=dt.date.today().replace(day=1), purposes=["patrol.A"])
    dialog = archive_dialog.ArchiveDialog(AppContext(staff["manager"]), c.id)
    qtbot.addWidget(dialog)
    panel = dialog.panels["field"]                  # field service's tab, after the counter's
    assert dialog.ui.tabs.indexOf(panel) == dialog.ui.tabs.indexOf(dialog.panels["counter"]) + 1
    assert panel.models["visit"].rowCount() == 1 and panel.models["visit"].object_at(0).number == v.number
    opened = []
    monkeypatch.setattr("app.ui.field.visit_dialog.VisitDialog.exec", lambda self: opened.append((self.visit.id, self.mode)) or 0)
    panel.open_item("visit", v.id)
    assert opened == [(v.id, "view")]
